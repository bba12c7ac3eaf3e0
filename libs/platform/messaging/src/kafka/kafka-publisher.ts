import { type Kafka, type Message, Partitioners, type Producer } from 'kafkajs';

/**
 * Idempotent producer (the broker drops a retried duplicate within a
 * session), acks from all in-sync replicas. One per process.
 */
export class KafkaPublisher {
  private readonly producer: Producer;
  private connected = false;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.producer.on(this.producer.events.CONNECT, () => (this.connected = true));
    this.producer.on(this.producer.events.DISCONNECT, () => (this.connected = false));
  }

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }

  isConnected(): boolean {
    return this.connected;
  }

  async send(topicMessages: { topic: string; messages: Message[] }[]): Promise<void> {
    await this.producer.sendBatch({ topicMessages, acks: -1 });
  }
}

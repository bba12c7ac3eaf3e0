import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type Provider,
  type Type,
} from '@nestjs/common';
import { TokenVerifier } from '@medgrid/auth';
import { readFileSync } from 'node:fs';
import { DESCRIPTOR_SET_PATH } from '@medgrid/contracts';
import { LOGGER, type Logger } from '@medgrid/logging';
import { CallGuard } from './call-guard';
import { GrpcServer } from './grpc-server';

export interface GrpcModuleSettings {
  host: string;
  port: number;
  auth: { publicKeyFile: string; issuer: string; audience: string };
  /** PEM files: the server's certificate chain and key; with a client CA, mutual TLS (GrpcServerSettings.tls). */
  tls?: { certFile: string; keyFile: string; clientCaFile?: string };
}

/** A class that adds one gRPC service's handlers to the server. */
export interface GrpcController {
  register(server: GrpcServer): void;
}

export const GRPC_SETTINGS = Symbol('GRPC_SETTINGS');
const GRPC_CONTROLLERS = Symbol('GRPC_CONTROLLERS');

export interface GrpcModuleOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...deps: any[]) => GrpcModuleSettings;
  inject?: (string | symbol | Type)[];
  controllers: Type<GrpcController>[];
  /** Modules that export what the controllers inject (the context's use cases). */
  imports?: NonNullable<DynamicModule['imports']>;
  /** Runs on every call's verified identity before its handler (see CallGuard). */
  guard?: Type<CallGuard>;
  /** What the guard injects beyond the imported modules' exports. */
  providers?: Provider[];
}

@Injectable()
class GrpcLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly server: GrpcServer,
    @Inject(GRPC_CONTROLLERS) private readonly controllers: GrpcController[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const controller of this.controllers) controller.register(this.server);
    await this.server.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.server.stop();
  }
}

/** The service's gRPC server, started after the app (and its database) is ready. */
@Module({})
export class GrpcModule {
  static forRoot(options: GrpcModuleOptions): DynamicModule {
    return {
      module: GrpcModule,
      imports: options.imports ?? [],
      providers: [
        { provide: GRPC_SETTINGS, useFactory: options.useFactory, inject: options.inject ?? [] },
        {
          provide: GrpcServer,
          useFactory: async (settings: GrpcModuleSettings, logger: Logger, guard?: CallGuard) => {
            const verifier = await TokenVerifier.fromFile(
              settings.auth.publicKeyFile,
              settings.auth.issuer,
              settings.auth.audience,
            );
            return new GrpcServer(
              {
                host: settings.host,
                port: settings.port,
                descriptorSet: readFileSync(DESCRIPTOR_SET_PATH),
                tls: settings.tls && {
                  certChain: readFileSync(settings.tls.certFile),
                  privateKey: readFileSync(settings.tls.keyFile),
                  clientCa: settings.tls.clientCaFile ? readFileSync(settings.tls.clientCaFile) : undefined,
                },
              },
              verifier,
              logger.child({ component: 'grpc' }),
              guard,
            );
          },
          inject: [GRPC_SETTINGS, LOGGER, ...(options.guard ? [CallGuard] : [])],
        },
        ...(options.guard ? [{ provide: CallGuard, useClass: options.guard }] : []),
        ...(options.providers ?? []),
        ...options.controllers,
        {
          provide: GRPC_CONTROLLERS,
          useFactory: (...all: GrpcController[]) => all,
          inject: options.controllers,
        },
        GrpcLifecycle,
      ],
      exports: [GrpcServer],
    };
  }
}

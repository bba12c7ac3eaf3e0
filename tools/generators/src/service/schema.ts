/** The options of `nx g @medgrid/tools:service` (schema.json). */
export interface ServiceGeneratorOptions {
  /** Kebab-case service name, e.g. lab-sharing. */
  name: string;
  /** The aggregate of the first event stream (topic medgrid.<name>.<aggregate>.v1); the name by default. */
  aggregate?: string;
  /** Leave scripts/proto-gen.sh to the caller. */
  skipProtoGen?: boolean;
}

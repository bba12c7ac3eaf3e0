const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** An RFC 9562 UUID of a defined version (1 to 8), any case. */
export const isUuid = (value: string): boolean => UUID.test(value);

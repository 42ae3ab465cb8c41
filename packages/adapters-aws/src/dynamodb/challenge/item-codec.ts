/** An item as lib-dynamodb reads and writes it. */
export type Item = Record<string, unknown>;

/** How one field is written to an attribute and read back. */
export interface FieldCodec<V> {
  write(value: V): unknown;
  read(stored: unknown): V;
}

/**
 * One attribute per field of `T`, for every field: the mapped type makes a field added to the domain
 * type a compile error here until it is stored, so a round trip can never drop one silently.
 */
export type FieldSpec<T> = { readonly [K in keyof T]-?: readonly [attribute: string, codec: FieldCodec<T[K]>] };

/** Both directions of one item shape. */
export interface ItemCodec<T> {
  toItem(value: T): Item;
  fromItem(item: Item): T;
}

/** Builds the item mapping of `T` from its field spec. */
export function itemCodec<T>(spec: FieldSpec<T>): ItemCodec<T> {
  const fields = Object.entries(spec) as [keyof T & string, readonly [string, FieldCodec<unknown>]][];
  return {
    toItem: (value) => Object.fromEntries(fields.map(([field, [attribute, codec]]) => [attribute, codec.write(value[field])])),
    fromItem: (item) => Object.fromEntries(fields.map(([field, [attribute, codec]]) => [field, codec.read(item[attribute])])) as T,
  };
}

const identity = <V>(): FieldCodec<V> => ({ write: (value) => value, read: (stored) => stored as V });

/** How an empty string is stored: DynamoDB Local (2020) refuses empty string attributes, so a map stands in. */
const EMPTY_TEXT = { empty: true } as const;

/**
 * Strings are stored as themselves, except the empty string (a profile may have `bio: ""`), which
 * DynamoDB Local refuses in any attribute: it is stored as the map `{empty: true}` and read back as "".
 */
export const text: FieldCodec<string> = {
  write: (value) => (value === '' ? EMPTY_TEXT : value),
  read: (stored) => (typeof stored === 'object' && stored !== null ? '' : (stored as string)),
};

/** Numbers and booleans are stored as themselves (lib-dynamodb reads numbers back as numbers). */
export const integer: FieldCodec<number> = identity();
export const flag: FieldCodec<boolean> = identity();

/** Null is stored as DynamoDB's NULL, so an item always has every attribute. */
export function nullable<V>(codec: FieldCodec<V>): FieldCodec<V | null> {
  return {
    write: (value) => (value === null ? null : codec.write(value)),
    read: (stored) => (stored === null || stored === undefined ? null : codec.read(stored)),
  };
}

/** Instants as epoch milliseconds. */
export const instant: FieldCodec<Date> = {
  write: (value) => value.getTime(),
  read: (stored) => new Date(Number(stored)),
};

/** One of a closed set of strings; anything else in a stored item is corrupt data, and says so. */
export function oneOf<const V extends string>(values: readonly V[]): FieldCodec<V> {
  return {
    write: (value) => value,
    read: (stored) => {
      if (!values.includes(stored as V)) throw new Error(`stored value ${JSON.stringify(stored)} is none of ${values.join(', ')}`);
      return stored as V;
    },
  };
}

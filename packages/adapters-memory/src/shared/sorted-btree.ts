import sortedBtree from 'sorted-btree';
import type * as SortedBtree from 'sorted-btree';

/** The B+ tree of sorted-btree, as its type. */
export type BTree<K, V> = SortedBtree.default<K, V>;

/**
 * The B+ tree class. sorted-btree is CommonJS: Node's ESM loader hands over its `exports` (whose
 * `default` is the class), loaders with default interop (vitest) the class itself.
 */
export const BTree = (sortedBtree.default ?? sortedBtree) as typeof sortedBtree.default;

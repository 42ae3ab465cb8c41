import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { githubUsernameKey, type Profile } from '@hdoc/domain';
import { githubIdKey } from './challenge-keys.js';
import { PROFILE_GITHUB_ID, PROFILE_VERSION, profileItem } from './profile-item.js';

/*
 * The conditional writes of a profile and its GitHub id item (docs/data-model.md, "Profiles"), shared
 * by the profile repository and the participant progress store, which write them in their transactions.
 */

/** The id item's attribute naming the lower-cased username that holds the id. */
export const HOLDER = 'username_key';

export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** A write's condition and the names and values it uses. */
export interface Condition {
  readonly ConditionExpression: string;
  readonly ExpressionAttributeNames?: Record<string, string>;
  readonly ExpressionAttributeValues?: Record<string, unknown>;
}

/** A new profile: its item, and its id item when it has an id; each must not exist yet. */
export function createActions(tableName: string, profile: Profile): TransactItem[] {
  const put = { Put: { TableName: tableName, Item: profileItem(profile), ConditionExpression: 'attribute_not_exists(pk)' } };
  if (profile.githubId === null) return [put];
  return [put, ...idMoves(tableName, null, profile.githubId, '', githubUsernameKey(profile.githubUsername))];
}

/**
 * A save of `profile` over `stored` (the version and id read): the profile put conditional on both, and
 * the id item moves when the id changes.
 */
export function updateActions(tableName: string, stored: Profile, profile: Profile): TransactItem[] {
  const put = { Put: { TableName: tableName, Item: profileItem(profile), ...unchangedSince(stored) } };
  if (stored.githubId === profile.githubId) return [put];
  const key = githubUsernameKey(profile.githubUsername);
  return [put, ...idMoves(tableName, stored.githubId, profile.githubId, key, key)];
}

/**
 * The condition that the stored profile is still the one read: its version, and its id (a profile
 * renamed away and created again restarts at version 1, so the version alone could match another).
 */
export function unchangedSince(stored: Pick<Profile, 'version' | 'githubId'>): Condition {
  const names = { '#version': PROFILE_VERSION, '#githubId': PROFILE_GITHUB_ID };
  return stored.githubId === null
    ? {
        ConditionExpression: '#version = :version AND attribute_type(#githubId, :null)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':version': stored.version, ':null': 'NULL' },
      }
    : {
        ConditionExpression: '#version = :version AND #githubId = :githubId',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':version': stored.version, ':githubId': stored.githubId },
      };
}

/**
 * The id item actions of a profile moving from `fromKey` with id `from` to `toKey` with id `to`: the
 * new id claimed (it must be free, or name this profile already), the old one released (it must
 * still name this profile). Callers skip it when neither the id nor the key changes.
 */
export function idMoves(tableName: string, from: number | null, to: number | null, fromKey: string, toKey: string): TransactItem[] {
  const heldByFrom: Condition = {
    ConditionExpression: '#holder = :from',
    ExpressionAttributeNames: { '#holder': HOLDER },
    ExpressionAttributeValues: { ':from': fromKey },
  };
  const actions: TransactItem[] = [];
  if (to !== null) {
    const claim = from === to ? heldByFrom : { ConditionExpression: 'attribute_not_exists(pk)' };
    actions.push({ Put: { TableName: tableName, Item: { ...githubIdKey(to), [HOLDER]: toKey }, ...claim } });
  }
  if (from !== null && from !== to) {
    actions.push({ Delete: { TableName: tableName, Key: githubIdKey(from), ...heldByFrom } });
  }
  return actions;
}

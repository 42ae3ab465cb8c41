import { leaderboardKey, MAX_DAYS_COMPLETED, MAX_TYPE_SCORE, PROFILE_STATUSES } from '@hdoc/domain';
import type { LeaderboardRow, LeaderboardStanding, ProfileStatus } from '@hdoc/domain';

/*
 * One 32-byte record per slot (half a cache line, so reading or writing a standing touches one line):
 * the version as a float64 (exact up to 2^53), then one uint32 per small field.
 */
const RECORD_BYTES = 32;
const WORDS = RECORD_BYTES / 4;
const VERSION_F64 = 0;
const GITHUB_SCORE = 2;
const TWITTER_SCORE = 3;
const DAYS = 4;
const STATUS = 5;
const GITHUB_STREAK = 6;
const TWITTER_STREAK = 7;
/* Strings sit in one array, four per slot, so one participant's strings share a cache line too. */
const TEXTS = 4;
const NAME = 0;
const KEY = 1;
const FULL_NAME = 2;
const AVATAR_URL = 3;
const INITIAL_CAPACITY = 1024;
const MAX_UINT32 = 0xffff_ffff;

function requireInteger(value: number, max: number, field: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`leaderboard standing ${field} must be an integer from 0 to ${max}, got ${value}`);
  }
}

/**
 * Standings stored as fixed-size records in one ArrayBuffer plus one array of strings, addressed by
 * slot number: a million participants cost a few dozen bytes of numbers each instead of one object
 * with boxed fields. The lowercase key shares the username's string when the username is already
 * lowercase. Slot 0 is never handed out: it is the search slot, where a page cursor's keyset is
 * written so the order can compare it with real participants.
 */
export class StandingRecords {
  static readonly SEARCH_SLOT = 0;

  private capacity = INITIAL_CAPACITY;
  private words = new Uint32Array(INITIAL_CAPACITY * WORDS);
  private versions = new Float64Array(this.words.buffer);
  private readonly texts: (string | null)[] = ['', '', null, null];
  private readonly free: number[] = [];

  /** Rejects what the domain never produces, since typed records would silently wrap it. */
  static validate(standing: LeaderboardStanding): void {
    requireInteger(standing.githubScore, MAX_TYPE_SCORE, 'githubScore');
    requireInteger(standing.twitterScore, MAX_TYPE_SCORE, 'twitterScore');
    requireInteger(standing.daysCompleted, MAX_DAYS_COMPLETED, 'daysCompleted');
    requireInteger(standing.githubStreak, MAX_UINT32, 'githubStreak');
    requireInteger(standing.twitterStreak, MAX_UINT32, 'twitterStreak');
    requireInteger(standing.version, Number.MAX_SAFE_INTEGER, 'version');
    if (!PROFILE_STATUSES.includes(standing.status)) {
      throw new RangeError(`leaderboard standing status must be one of ${PROFILE_STATUSES.join(', ')}`);
    }
  }

  allocate(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    const slot = this.texts.length / TEXTS;
    if (slot === this.capacity) this.grow();
    this.texts.push('', '', null, null);
    return slot;
  }

  release(slot: number): void {
    this.texts[slot * TEXTS + NAME] = '';
    this.texts[slot * TEXTS + KEY] = '';
    this.texts[slot * TEXTS + FULL_NAME] = null;
    this.texts[slot * TEXTS + AVATAR_URL] = null;
    this.free.push(slot);
  }

  write(slot: number, standing: LeaderboardStanding): void {
    const key = leaderboardKey(standing.githubUsername);
    const text = slot * TEXTS;
    this.texts[text + NAME] = standing.githubUsername;
    this.texts[text + KEY] = key === standing.githubUsername ? standing.githubUsername : key;
    this.texts[text + FULL_NAME] = standing.fullName;
    this.texts[text + AVATAR_URL] = standing.avatarUrl;
    const word = slot * WORDS;
    this.versions[slot * (WORDS / 2) + VERSION_F64] = standing.version;
    this.words[word + GITHUB_SCORE] = standing.githubScore;
    this.words[word + TWITTER_SCORE] = standing.twitterScore;
    this.words[word + DAYS] = standing.daysCompleted;
    this.words[word + STATUS] = PROFILE_STATUSES.indexOf(standing.status);
    this.words[word + GITHUB_STREAK] = standing.githubStreak;
    this.words[word + TWITTER_STREAK] = standing.twitterStreak;
  }

  /** Writes a keyset (a position in the order) into the search slot, for seeking to it. */
  writeSearchKeyset(total: number, daysCompleted: number, key: string): void {
    const word = StandingRecords.SEARCH_SLOT * WORDS;
    this.words[word + GITHUB_SCORE] = total;
    this.words[word + TWITTER_SCORE] = 0;
    this.words[word + DAYS] = daysCompleted;
    this.texts[StandingRecords.SEARCH_SLOT * TEXTS + KEY] = key;
  }

  key(slot: number): string {
    return this.texts[slot * TEXTS + KEY] as string;
  }

  total(slot: number): number {
    return this.words[slot * WORDS + GITHUB_SCORE]! + this.words[slot * WORDS + TWITTER_SCORE]!;
  }

  daysCompleted(slot: number): number {
    return this.words[slot * WORDS + DAYS]!;
  }

  status(slot: number): ProfileStatus {
    return PROFILE_STATUSES[this.words[slot * WORDS + STATUS]!]!;
  }

  version(slot: number): number {
    return this.versions[slot * (WORDS / 2) + VERSION_F64]!;
  }

  /** The slot's row; built field by field because object spread is an order of magnitude slower. */
  row(slot: number, rank: number): LeaderboardRow {
    const word = slot * WORDS;
    const text = slot * TEXTS;
    return {
      rank,
      totalScore: this.total(slot),
      githubUsername: this.texts[text + NAME] as string,
      fullName: this.texts[text + FULL_NAME] ?? null,
      avatarUrl: this.texts[text + AVATAR_URL] ?? null,
      githubScore: this.words[word + GITHUB_SCORE]!,
      twitterScore: this.words[word + TWITTER_SCORE]!,
      daysCompleted: this.words[word + DAYS]!,
      githubStreak: this.words[word + GITHUB_STREAK]!,
      twitterStreak: this.words[word + TWITTER_STREAK]!,
      status: this.status(slot),
      version: this.version(slot),
    };
  }

  private grow(): void {
    this.capacity *= 2;
    const words = new Uint32Array(this.capacity * WORDS);
    words.set(this.words);
    this.words = words;
    this.versions = new Float64Array(words.buffer);
  }
}

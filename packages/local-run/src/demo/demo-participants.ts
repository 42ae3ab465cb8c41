/** A demo participant of the challenge and the days they were active. */
export interface DemoParticipant {
  readonly githubUsername: string;
  readonly fullName: string;
  readonly bio: string;
  readonly twitterUsername: string | null;
  readonly timezone: string;
  /**
   * The local dates of the participant's challenge days, as days before today, oldest first: the first
   * is challenge day 1. Each of them gets a GitHub entry.
   */
  readonly activeDaysAgo: readonly number[];
  /** Also posts on X on every `tweetsEvery`-th challenge day (1 = every day); absent = never. */
  readonly tweetsEvery?: number;
  /** Challenge days whose GitHub entry links someone else's repository, which the verifier rejects. */
  readonly rejectedDays?: readonly number[];
}

/** `from`, `from - 1`, ..., `to` (days ago, oldest first). */
function daysAgo(from: number, to: number): number[] {
  return Array.from({ length: from - to + 1 }, (_, index) => from - index);
}

/**
 * Ten participants covering what the board and the profiles show: a completed challenge, long current
 * streaks on one or both entry types, a lapsed streak that restarted, a lapsed one still `active`, an
 * `inactive` participant quiet for 11 days, rejected entries, a newcomer without entries, and
 * timezones on every side of UTC.
 */
export const DEMO_PARTICIPANTS: readonly DemoParticipant[] = [
  {
    githubUsername: 'zoe-chen',
    fullName: 'Zoe Chen',
    bio: 'Finished #100DaysOfCloud: 100 days of CDK and Step Functions.',
    twitterUsername: 'zoechen_ops',
    timezone: 'America/New_York',
    activeDaysAgo: daysAgo(105, 6),
  },
  {
    githubUsername: 'ada-okafor',
    fullName: 'Ada Okafor',
    bio: 'Platform engineer learning in public, one commit and one post a day.',
    twitterUsername: 'ada_builds',
    timezone: 'Europe/London',
    activeDaysAgo: daysAgo(29, 0),
    tweetsEvery: 1,
  },
  {
    githubUsername: 'kenji-tanaka',
    fullName: 'Kenji Tanaka',
    bio: 'Serverless on weekdays, Kubernetes on weekends.',
    twitterUsername: null,
    timezone: 'Asia/Tokyo',
    activeDaysAgo: daysAgo(45, 0),
  },
  {
    githubUsername: 'maria-souza',
    fullName: 'Maria Souza',
    bio: 'Back after a week off: Terraform modules for everything.',
    twitterUsername: 'mariasouza_dev',
    timezone: 'America/Sao_Paulo',
    activeDaysAgo: [...daysAgo(20, 8), ...daysAgo(3, 0)],
    tweetsEvery: 2,
    rejectedDays: [5],
  },
  {
    githubUsername: 'sam-rivera',
    fullName: 'Sam Rivera',
    bio: 'Networking nerd. VPCs, Transit Gateways and too many subnets.',
    twitterUsername: 'samrivera',
    timezone: 'America/Los_Angeles',
    activeDaysAgo: daysAgo(12, 3),
    tweetsEvery: 1,
  },
  {
    githubUsername: 'tom-berger',
    fullName: 'Tom Berger',
    bio: 'Started strong, then the day job happened.',
    twitterUsername: null,
    timezone: 'Europe/Berlin',
    activeDaysAgo: daysAgo(24, 11),
  },
  {
    githubUsername: 'priya-nair',
    fullName: 'Priya Nair',
    bio: 'Data engineer moving pipelines to the cloud.',
    twitterUsername: 'priya_clouds',
    timezone: 'Asia/Kolkata',
    activeDaysAgo: daysAgo(5, 0),
    tweetsEvery: 1,
    rejectedDays: [2, 4],
  },
  {
    githubUsername: 'lena-walsh',
    fullName: 'Lena Walsh',
    bio: 'Three days in and already automating my lunch order.',
    twitterUsername: 'lenawalsh',
    timezone: 'Australia/Sydney',
    activeDaysAgo: daysAgo(2, 0),
    tweetsEvery: 1,
  },
  {
    githubUsername: 'omar-haddad',
    fullName: 'Omar Haddad',
    bio: 'First steps with IAM. Policies are hard.',
    twitterUsername: 'omarhaddad',
    timezone: 'Africa/Cairo',
    activeDaysAgo: daysAgo(1, 0),
    rejectedDays: [1],
  },
  {
    githubUsername: 'jon-park',
    fullName: 'Jon Park',
    bio: 'Signed up today. Day 1 tomorrow, promise.',
    twitterUsername: 'jonpark',
    timezone: 'UTC',
    activeDaysAgo: [],
  },
];

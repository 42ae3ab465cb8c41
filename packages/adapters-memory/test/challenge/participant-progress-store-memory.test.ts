import { describeParticipantProgressStoreContract } from '@hdoc/contract-tests';
import { MemoryEntryRepository, MemoryLeaderboard, MemoryParticipantProgressStore, MemoryProfileRepository } from '../../src/index.js';

describeParticipantProgressStoreContract('MemoryParticipantProgressStore', async () => {
  const [profiles, entries, leaderboard] = [new MemoryProfileRepository(), new MemoryEntryRepository(), new MemoryLeaderboard()];
  return { store: new MemoryParticipantProgressStore(profiles, entries, leaderboard), profiles, entries, leaderboard };
});

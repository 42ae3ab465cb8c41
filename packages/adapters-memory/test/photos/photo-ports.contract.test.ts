import {
  describeObjectStorageContract,
  describePhotoCatalogContract,
  describeUploadUrlSignerContract,
  describeViewUrlSignerContract,
} from '@hdoc/contract-tests';
import {
  LOCAL_UPLOAD_FIELD,
  ManualClock,
  MemoryObjectStorage,
  MemoryPhotoCatalog,
  MemoryUploadUrlSigner,
  MemoryViewUrlSigner,
  SystemClock,
  UploadRejectedError,
} from '../../src/index.js';

const SECRET = 'contract-test-secret-0123456789';
const BASE_URL = 'http://127.0.0.1:3000';

describePhotoCatalogContract('MemoryPhotoCatalog', async () => ({ catalog: new MemoryPhotoCatalog() }));

describeObjectStorageContract('MemoryObjectStorage', async () => {
  const storage = new MemoryObjectStorage({ clock: new SystemClock() });
  return { storage, put: async (key, bytes, contentType) => void (await storage.put(key, bytes, contentType)) };
});

describeUploadUrlSignerContract(
  'MemoryUploadUrlSigner',
  async () => {
    const clock = new ManualClock(new Date());
    const storage = new MemoryObjectStorage({ clock });
    const signer = new MemoryUploadUrlSigner({ secret: SECRET, baseUrl: BASE_URL, clock, storage });
    return {
      signer,
      storage,
      clock,
      // The local target's fields are its policy: read them back, and check the signature covers them.
      decodePolicy: (target) => {
        const { maxSize, contentType, key } = signer.verifyFields(target.fields);
        return {
          key,
          contentType,
          minSize: 1,
          maxSize,
          expiresAt: new Date(Number(target.fields[LOCAL_UPLOAD_FIELD.expires]) * 1000),
        };
      },
      post: async (_target, fields, file) => {
        try {
          await signer.acceptUpload({ fields, file: { bytes: file } });
          return true;
        } catch (error) {
          if (error instanceof UploadRejectedError) return false;
          throw error;
        }
      },
    };
  },
  { enforcesPolicy: true },
);

describeViewUrlSignerContract('MemoryViewUrlSigner', async () => {
  const clock = new SystemClock();
  const storage = new MemoryObjectStorage({ clock });
  const signer = new MemoryViewUrlSigner({ secret: SECRET, baseUrl: BASE_URL, clock });
  return {
    signer,
    put: async (key, bytes, contentType) => void (await storage.put(key, bytes, contentType)),
    // What the local HTTP endpoint will do: decode the path into the key, verify, then read.
    fetch: async (url) => {
      const parsed = new URL(url);
      const prefix = '/local-objects/';
      if (!parsed.pathname.startsWith(prefix)) return null;
      const key = parsed.pathname.slice(prefix.length).split('/').map(decodeURIComponent).join('/');
      const verdict = signer.verifyViewRequest({
        key,
        expires: parsed.searchParams.get('expires') ?? undefined,
        signature: parsed.searchParams.get('signature') ?? undefined,
      });
      return verdict === 'valid' ? ((await storage.read(key))?.bytes ?? null) : null;
    },
  };
});

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://127.0.0.1:<port>` of the moto_server the adapters-aws global setup started. */
    motoEndpoint: string;
  }
}

export { startMotoServer, type MotoServer } from '../../src/local/moto-server.js';

/** One field of a JSON secret and the variable it fills. */
export interface SecretField {
  readonly variable: string;
  /** A required field missing from the secret fails the load; an optional one is skipped. */
  readonly required: boolean;
}

/**
 * A Secrets Manager secret the stack names: `idVariable` holds its ARN or name (deploy/template.yaml sets
 * these on every function); the secret is a JSON object whose fields fill variables.
 */
export interface SecretSource {
  readonly idVariable: string;
  readonly fields: Readonly<Record<string, SecretField>>;
}

const required = (variable: string): SecretField => ({ variable, required: true });
const optional = (variable: string): SecretField => ({ variable, required: false });

/**
 * The secrets of deploy/template.yaml and the variables the apps read from them. A source whose id
 * variable is unset or empty is not fetched (the local run, or a stack without that secret yet).
 */
export const SECRET_SOURCES: readonly SecretSource[] = [
  {
    // Ed25519 JWKs (objects, or JSON text), as api-http's TOKEN_SIGNING_KEY / TOKEN_PREVIOUS_KEY expect.
    idVariable: 'JWT_SIGNING_SECRET_ARN',
    fields: { signing_key: required('TOKEN_SIGNING_KEY'), previous_key: optional('TOKEN_PREVIOUS_KEY') },
  },
  {
    // api_token: a token for the entry verifier's REST calls (5,000 requests an hour instead of 60 per address).
    idVariable: 'GITHUB_OAUTH_SECRET_ARN',
    fields: { client_id: required('GITHUB_CLIENT_ID'), client_secret: required('GITHUB_CLIENT_SECRET'), api_token: optional('GITHUB_API_TOKEN') },
  },
  {
    // The RDS secret's own field names; the variables are libpq's, which pg reads by itself. An RDS-managed
    // master secret holds only username and password, so the endpoint fields are optional.
    idVariable: 'DATABASE_SECRET_ARN',
    fields: {
      username: required('PGUSER'),
      password: required('PGPASSWORD'),
      host: optional('PGHOST'),
      port: optional('PGPORT'),
      dbname: optional('PGDATABASE'),
    },
  },
];

/**
 * SSM or Secrets Manager does not hold what the configuration points at (a missing secret, a secret
 * without a required field, a parameter name that is no variable name). The message is one line naming
 * the variable, the secret id or the field, never a value: values may be secrets. Failures to reach AWS
 * are not wrapped in this error; they are thrown as the SDK raised them.
 */
export class RemoteConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RemoteConfigError';
  }
}

/**
 * The configuration is invalid or asks for something this build cannot serve. The message names the
 * variables, never their values (they may be secrets); hosts print it as one line and exit.
 */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

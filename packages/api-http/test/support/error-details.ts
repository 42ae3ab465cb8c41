/** An error answer's `error` object, as every error response carries it. */
export interface ErrorJson {
  readonly code: string;
  readonly message: string;
  readonly details: readonly { readonly field: string; readonly message: string }[];
}

/** The `error` object of an error answer's body. */
export function errorOf(body: unknown): ErrorJson {
  return (body as { error: ErrorJson }).error;
}

/** The fields a 400 names in `details`, in order (`['body.tags[3]', 'query.limit']`). */
export function invalidFields(body: unknown): string[] {
  return errorOf(body).details.map(({ field }) => field);
}

/** The message `details` gives for `field`, or undefined when it is not named. */
export function detailOf(body: unknown, field: string): string | undefined {
  return errorOf(body).details.find((detail) => detail.field === field)?.message;
}

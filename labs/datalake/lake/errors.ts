/** An error the API answers with its own status and message (never a stack trace). */
export class LakeError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 413 | 416,
    message: string,
  ) {
    super(message);
    this.name = 'LakeError';
  }
}

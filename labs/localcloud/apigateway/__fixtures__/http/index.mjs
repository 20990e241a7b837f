// One handler, many behaviours, chosen by the last path segment of the request.
export const handler = async (event) => {
  const mode = event.rawPath.split('/').filter(Boolean).at(-1);
  switch (mode) {
    case 'plain':
      return 'hello';
    case 'object':
      return { ok: true, items: [1, 2] };
    case 'binary':
      return { statusCode: 200, headers: { 'content-type': 'application/octet-stream' }, body: Buffer.from([0, 1, 2, 255]).toString('base64'), isBase64Encoded: true };
    case 'throw':
      throw new Error('handler failed');
    case 'slow':
      await new Promise((resolve) => setTimeout(resolve, Number(event.queryStringParameters?.ms ?? 500)));
      return { statusCode: 200, body: 'late' };
    case 'bad':
      return { statusCode: 'not a number', body: 'x' };
    default:
      return {
        statusCode: 201,
        headers: { 'content-type': 'application/json', 'x-handled-by': 'echo' },
        cookies: ['session=abc; Path=/; HttpOnly', 'theme=dark'],
        body: JSON.stringify(event),
      };
  }
};

/** Limits of the datalake API, shared by the functions, the CLI and the tests. */

/** Longest dataset name. */
export const MAX_NAME_LENGTH = 128;
/**
 * Largest body of one request or response. A synchronous Lambda invoke carries at most 6 MB, and the HTTP API
 * base64-encodes binary bodies (4 bytes for every 3): 4 MiB become 5.3 MiB, which leaves room for headers.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Larger datasets are uploaded in parts of up to MAX_BODY_BYTES; this many at most (64 MiB per dataset). */
export const MAX_PARTS = 16;
export const MAX_DATASET_BYTES = MAX_PARTS * MAX_BODY_BYTES;
/** Listing pages. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;
/** JSON records up to this size are routed to DynamoDB (items hold 400 KB; async invokes carry 1 MB). */
export const MAX_ROUTED_RECORD_BYTES = 256 * 1024;

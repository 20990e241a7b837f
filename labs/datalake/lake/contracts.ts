/** What students implement (`exercise/paths.ts`): where a user's datasets live, and which names are safe. */
export interface LakePaths {
  /**
   * The directory that holds the datasets of the user with this token `sub`, inside `root`.
   * Throws LakeError(400) for a `sub` that could not be a directory name.
   */
  userDirectory(root: string, sub: string): string;
  /** Returns the dataset name from the URL if it is safe as one file name; throws LakeError(400) otherwise. */
  checkDatasetName(name: string): string;
}

/** What a committed dataset looks like, in listings and in its metadata file. */
export interface DatasetInfo {
  name: string;
  size: number;
  contentType: string;
  /** ISO 8601. */
  updatedAt: string;
  /** Changes with every write. */
  version: string;
}

/** A JSON record the relay hands to the router (asynchronously). */
export interface RoutedRecord {
  type: string;
  owner: string;
  dataset: string;
  version: string;
  updatedAt: string;
  record: Record<string, unknown>;
}

/** What the store function answers the relay: the HTTP response, and a record to route if there is one. */
export interface StoreResult {
  response: { statusCode: number; headers: Record<string, string>; body: string; isBase64Encoded: boolean };
  route?: RoutedRecord;
}

/** What the reverse proxy offers; exercise and solution implement the same shape. */
export interface ProxyOptions {
  /** Virtual host name (lower case, without port) → backend base URL, e.g. `{ 'shop.localhost': 'http://127.0.0.1:4001' }`. */
  routes: Record<string, string>;
  /** How long a backend may take to start its answer before the proxy gives up with 504 (default 5000 ms). */
  timeoutMs?: number;
  /** Port to listen on (default 0: a free port chosen by the system). */
  port?: number;
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
}

export interface RunningProxy {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** Stops listening and closes every open connection. */
  close(): Promise<void>;
}

export interface ProxyModule {
  startProxy(options: ProxyOptions): Promise<RunningProxy>;
}

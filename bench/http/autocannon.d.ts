// autocannon 8 ships no types: declare only the part of its API the benchmarks use.
declare module 'autocannon' {
  interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    /** The sequence each connection sends; `setupRequest` may change each one as it goes. */
    requests?: (Request & { setupRequest?: (req: Request) => Request })[];
  }
  interface Histogram {
    average: number;
    p50: number;
    p99: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    /** Bytes read per second. */
    throughput: Histogram;
    /** Socket errors and timeouts together. */
    errors: number;
    non2xx: number;
    '2xx': number;
    /** Seconds the run lasted. */
    duration: number;
    statusCodeStats: Record<string, { count: number }>;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}

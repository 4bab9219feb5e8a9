/**
 * True when an answer with this status says the server did not act on the request: a 4xx.
 * A 2xx did; a 3xx (a 303 answers a processed POST) or a 5xx may have.
 */
export const statusMeansNoEffect = (status: number): boolean => status >= 400 && status < 500;

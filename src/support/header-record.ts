/** Request headers as a plain object with lower-case names: cheaper to build and send than `Headers`. */
export type HeaderRecord = Record<string, string>;

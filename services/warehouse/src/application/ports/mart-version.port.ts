/**
 * What the marts' answers depend on, as a token that changes whenever they may have: read before an
 * answer is computed, so an answer cached under a token is never older than the token.
 */
export interface MartVersion {
  current(): Promise<string>;
}

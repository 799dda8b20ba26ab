/** Entity resolution (issue 18): the public surface the store and the API will use. */
export { scorePair, WEIGHTS, THRESHOLDS, type MatchRecord, type MatchResult, type MatchDecision, type Feature } from './score';
export { blockingKeys } from './blocking';
export { dateBand, parseDate, type DateBand, type PartialDate } from './dates';
export { asciiFold, asciiFoldDigraphs, germanSpelling, latinise, mrzName, skeleton } from './names/fold';
export { parseName, type NameToken, type ParsedName } from './names/tokens';
export { alignNames, classify, type NameAlignment, type PairClass } from './names/compare';

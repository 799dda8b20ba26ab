/**
 * The temporal core of issue 19 (docs/time.md): the time of a link, time-respecting paths (Wu et
 * al. 2014), temporal reach, temporal betweenness and the network as of a window. Pure functions
 * over a compact temporal graph indexed by id order.
 */
export * from './betweenness';
export * from './earliest';
export * from './graph';
export * from './paths';
export * from './reach';
export * from './time';
export * from './window';

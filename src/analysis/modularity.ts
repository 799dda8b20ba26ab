/** Newman modularity of a given partition (now in ./algorithms/modularity). */
export { partitionModularity } from './algorithms/modularity';

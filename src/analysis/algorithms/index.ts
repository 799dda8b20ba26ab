/**
 * Pure graph algorithms over an undirected simple graph, matching networkx 3.6 defaults; one
 * algorithm per module (graphology's layout). Each module has a CSR-level function (`…Scores`,
 * `…Partition`: typed arrays by node index, what the worker threads run) and the public function
 * over an `AnalysisGraph` (maps by node id).
 */
export * from './betweenness';
export * from './closeness';
export * from './components';
export * from './csr';
export * from './degree';
export * from './eigenvector';
export * from './louvain';
export * from './modularity';
export * from './pagerank';
export * from './prng';
export * from './projection';
export * from './sampling';
export * from './shortest-paths';
export * from './temporal';

// GraphiQL served by the service itself (no CDN). The bearer token goes in the header editor,
// prefilled with `Authorization: Bearer …` (from `#token=…` in the URL fragment, if given).
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { createRoot } from 'react-dom/client';

const params = new URLSearchParams(location.hash.slice(1));
const token = params.get('token') ?? sessionStorage.getItem('explorer.token') ?? '';
if (params.has('token')) {
  // A link's token is shown in the header editor of this page only: it never replaces the token
  // the explorer has in use (issue 16 item 10); it becomes the session's token only when there is none.
  if (!sessionStorage.getItem('explorer.token')) sessionStorage.setItem('explorer.token', token);
  history.replaceState(null, '', location.pathname + location.search);
}

const headers = JSON.stringify({ Authorization: `Bearer ${token || '<paste a token here>'}` }, null, 2);
const defaultQuery = `# Paste your bearer token in the Headers tab below, then run (Ctrl-Enter).
query Search {
  search(text: "Skaljari", first: 5) {
    totalCount
    edges { node { id type label sources { reportId sourceReliability informationAccuracy } } }
  }
}
`;

const fetcher = createGraphiQLFetcher({ url: `${location.origin}/graphql` });
createRoot(document.getElementById('ide')).render(
  <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} defaultHeaders={headers} headers={headers} shouldPersistHeaders={false} defaultEditorToolsVisibility="headers" isHeadersEditorEnabled />,
);

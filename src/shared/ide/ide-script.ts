/**
 * The page's own script, served as a file (not inline) so the Content-Security-Policy allows scripts from the
 * gateway only. Plain ES2017 for the browser: it runs as written, with React, ReactDOM, GraphiQL and graphqlWs
 * as the globals their UMD builds define.
 */
export const IDE_SCRIPT = String.raw`'use strict';
(function () {
  var HEADERS_HINT = '{\n  "Authorization": "Bearer <your API key or customer token>"\n}';
  var httpUrl = new URL('/graphql', window.location.href).href;
  var wsUrl = httpUrl.replace(/^http/, 'ws');
  var wsClient = null;
  var wsAuthorization = null;

  /** The Authorization header the headers editor holds, whatever its case; '' when none. */
  function authorizationOf(headers) {
    for (var name in headers) {
      if (name.toLowerCase() === 'authorization' && typeof headers[name] === 'string') return headers[name];
    }
    return '';
  }

  /** One graphql-ws client per credential: a new header in the editor opens a new socket with it. */
  function socketFor(authorization) {
    if (!wsClient || authorization !== wsAuthorization) {
      if (wsClient) wsClient.dispose();
      wsAuthorization = authorization;
      wsClient = graphqlWs.createClient({
        url: wsUrl,
        lazy: true,
        retryAttempts: 0,
        connectionParams: authorization ? { authorization: authorization } : {},
      });
    }
    return wsClient;
  }

  /** Whether the operation to run is a subscription: those go over the WebSocket. */
  function isSubscription(params) {
    var text = String(params.query || '').replace(/#[^\n]*/g, '');
    if (params.operationName) {
      return new RegExp('\\bsubscription\\s+' + params.operationName + '\\b').test(text);
    }
    return /^\s*subscription\b/.test(text) || /}\s*subscription\b/.test(text);
  }

  /** A close or transport failure as a result GraphiQL shows, with the gateway's coded reason. */
  function failure(error) {
    var message = error && error.reason ? error.code + ' ' + error.reason : String((error && error.message) || error);
    return { errors: [{ message: message }] };
  }

  function subscribe(client, params) {
    var iterator = client.iterate({
      query: params.query,
      variables: params.variables || undefined,
      operationName: params.operationName || undefined,
    });
    var failed = false;
    return {
      next: function () {
        if (failed) return Promise.resolve({ done: true, value: undefined });
        return iterator.next().catch(function (error) {
          failed = true;
          return { done: false, value: failure(error) };
        });
      },
      return: function () {
        return iterator.return ? iterator.return() : Promise.resolve({ done: true, value: undefined });
      },
      [Symbol.asyncIterator]: function () {
        return this;
      },
    };
  }

  function fetcher(params, options) {
    var headers = Object.assign({}, options && options.headers);
    if (isSubscription(params)) return subscribe(socketFor(authorizationOf(headers)), params);
    return fetch(httpUrl, {
      method: 'POST',
      headers: Object.assign({ 'content-type': 'application/json', accept: 'application/json' }, headers),
      body: JSON.stringify(params),
    }).then(function (response) {
      return response.json();
    });
  }

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultHeaders: HEADERS_HINT,
      defaultEditorToolsVisibility: 'headers',
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
    }),
  );
})();
`;

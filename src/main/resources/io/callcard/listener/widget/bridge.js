/*
 * CallCard Companion: the CALL_CARD widget's bridge (plain JavaScript, no build step).
 *
 * Loaded by the widget page after the BX24 library. It relays what the call card says to the companion's listener
 * (POST /bridge/events, one JSON message per request, the contract of BridgeMessageDecoder) and runs the commands
 * the companion queues (GET /bridge/commands). Every message carries the page's session token and an increasing seq;
 * messages go out one at a time, in order, and a failed delivery is retried with the same seq (so the listener applies
 * it once) about every second while the companion is unreachable.
 *
 * Bitrix24's real library hands each event's FIRST argument only to the handler (CallStateChanged: the state alone;
 * EntityChanged: one object; BeforeClose: []); the page posts the arguments it received as they came.
 *
 * A 401 means the companion no longer knows this session (it restarted). The portal denies BX24.reloadWindow() inside
 * the call card, so the page asks POST /bridge/session for a new session with what its form told it (DOMAIN,
 * member_id, APP_SID), stamps the queued messages with it (messages are kept as objects and serialised at delivery)
 * and runs getStatus at once. A refused renewal means the session cannot come back: the page says so and stops (no
 * loop). The renewal carries the page's token pair (BX24.getAuth()), which the companion proves with the portal as it
 * proves the handler form's.
 *
 * Until the companion has proven the page's token with the portal, the page says "checking" (the page starts so
 * when its form is still being checked; a message answered {"held":true} says the same); a 403 on a message or a
 * command poll means the companion refused the page (its reason is in the answer): the page says "refused" and stops.
 *
 * The status line says what is true at each moment, in the portal's language (the texts are the page's data-msg-*
 * attributes): loading, checking, refused, connected (after the first successful exchange), offline, expired, nobx24 (the library did
 * not load), notcallcard (the library is null outside a portal frame, or the placement is not CALL_CARD).
 */
(function () {
  'use strict';

  var config = document.currentScript.dataset;
  var session = config.session;
  var callId = config.callId || null;
  var pollMs = parseInt(config.pollMs, 10) || 1000;
  var commandWaitMs = parseInt(config.commandWaitMs, 10) || 10000;
  var RETRY_MIN = 250;
  // the longest pause between attempts while the companion is away: a restarted companion is heard within a second
  var RETRY_MAX = 1000;
  var COMMANDS = { getStatus: true, enableAutoClose: true, disableAutoClose: true };
  var EVENTS = ['CallCard::CallStateChanged', 'CallCard::EntityChanged', 'CallCard::BeforeClose'];

  var seq = 0;
  var outbox = [];
  var sending = false;
  var stopped = false;
  var renewing = false;
  var lastCommandId = 0;
  var commandLoop = 0;
  var statusPending = false;
  var statusLine = document.getElementById('companion-status');
  /** True while the companion has not proven this page's token: "connected" waits for the proof. */
  var checking = !!statusLine && statusLine.getAttribute('data-state') === 'checking';

  function show(state) {
    var text = document.body.getAttribute('data-msg-' + state);
    var line = document.getElementById('companion-status');
    if (!line) {
      return;
    }
    line.setAttribute('data-state', state);
    if (text && line.textContent !== text) {
      line.textContent = text;
    }
  }

  function retryAfter(delay) {
    return Math.min(delay * 2, RETRY_MAX);
  }

  /** A message without its session: the session is stamped when it is delivered (it may be renewed meanwhile). */
  function message(type, fields) {
    var body = { type: type, callId: callId, seq: ++seq };
    for (var key in fields) {
      if (Object.prototype.hasOwnProperty.call(fields, key)) {
        body[key] = fields[key];
      }
    }
    return body;
  }

  function stamped(body) {
    var copy = { session: session };
    for (var key in body) {
      if (Object.prototype.hasOwnProperty.call(body, key)) {
        copy[key] = body[key];
      }
    }
    return JSON.stringify(copy);
  }

  function stop(state) {
    stopped = true;
    outbox = [];
    show(state);
  }

  function connected() {
    if (!stopped && !checking) {
      show('connected');
    }
  }

  /** What a delivered message's answer says about the proof: held means still checking. */
  function proofAnswered(body) {
    checking = !!(body && body.held === true);
    if (checking) {
      if (!stopped) {
        show('checking');
      }
    } else {
      connected();
    }
  }

  function unreachable() {
    if (!stopped) {
      show('offline');
    }
  }

  // ---- the session: renewed through POST /bridge/session after a companion restart ----

  /** What the page's form (or, failing that, the frame's name host|secure|APP_SID) says about where it runs. */
  function renewalRequest() {
    var frame = (window.name || '').split('|');
    var memberId = config.memberId;
    if (!memberId) {
      try {
        var auth = BX24.getAuth();
        memberId = auth ? auth.member_id : undefined;
      } catch (ignored) {
        memberId = undefined;
      }
    }
    var pair = null;
    try {
      pair = BX24.getAuth();
    } catch (ignored) {
      pair = null;
    }
    return {
      auth: pair && pair.access_token ? String(pair.access_token) : undefined,
      refresh: pair && pair.refresh_token ? String(pair.refresh_token) : undefined,
      expiresIn: pair && typeof pair.expires_in === 'number' ? pair.expires_in : undefined,
      domain: config.domain || frame[0],
      memberId: memberId,
      appSid: config.appSid || frame[2],
      lang: config.lang,
      placement: 'CALL_CARD',
      callId: callId
    };
  }

  /** A 401 for usedSession: renew, unless a renewal already replaced that session. */
  function sessionLost(usedSession) {
    if (stopped) {
      return;
    }
    if (usedSession !== session) {
      pump(); // a message sent with the session a renewal has since replaced: send it again with the new one
      return;
    }
    if (!renewing) {
      renewing = true;
      requestSession(RETRY_MIN);
    }
  }

  function requestSession(delay) {
    if (stopped) {
      return;
    }
    fetch('/bridge/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(renewalRequest()),
      cache: 'no-store'
    }).then(function (response) {
      if (response.status === 429 || response.status >= 500) {
        throw new Error('HTTP ' + response.status);
      }
      if (response.status === 403) {
        return { refused: true };
      }
      if (!response.ok) {
        return null;
      }
      return response.json();
    }).then(function (body) {
      if (stopped) {
        return;
      }
      renewing = false;
      if (body && body.refused) {
        stop('refused'); // the portal did not prove this page's token
        return;
      }
      if (!body || typeof body.session !== 'string' || body.session === '') {
        stop('expired'); // refused: this page cannot come back on its own
        return;
      }
      session = body.session;
      if (typeof body.pollMs === 'number' && body.pollMs >= 50) {
        pollMs = body.pollMs;
      }
      if (typeof body.commandWaitMs === 'number' && body.commandWaitMs >= 0) {
        commandWaitMs = body.commandWaitMs;
      }
      lastCommandId = 0; // a new session has its own command ids
      checking = body.state === 'checking';
      if (checking) {
        show('checking');
      } else {
        connected();
      }
      statusNow(); // the companion learns the card as it is now, at once
      resume();
    }).catch(function () {
      if (stopped) {
        return;
      }
      unreachable();
      setTimeout(function () { requestSession(retryAfter(delay)); }, delay);
    });
  }

  /** After a renewal: the queued messages go out with the new session, and a new command loop starts. */
  function resume() {
    pump();
    startCommands();
  }

  // ---- messages to the companion ----

  function send(body) {
    if (stopped) {
      return;
    }
    outbox.push(body);
    pump();
  }

  function pump() {
    if (sending || stopped || renewing || outbox.length === 0) {
      return;
    }
    sending = true;
    deliver(outbox[0], RETRY_MIN);
  }

  function deliver(body, delay) {
    if (stopped || renewing) {
      sending = false;
      return;
    }
    var usedSession = session;
    fetch('/bridge/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: stamped(body),
      cache: 'no-store'
    }).then(function (response) {
      if (response.status === 401) {
        sending = false;
        sessionLost(usedSession);
        return;
      }
      if (response.status === 403) {
        sending = false;
        stop('refused'); // the companion did not accept this page: nothing it sends will be applied
        return;
      }
      if (response.status === 429 || response.status >= 500) {
        throw new Error('HTTP ' + response.status);
      }
      // 2xx: delivered; any other 4xx: the listener refuses this message itself, and a retry cannot change that
      outbox.shift();
      sending = false;
      var answered = response.ok ? response.json().catch(function () { return null; }) : Promise.resolve(null);
      return answered.then(function (body) {
        proofAnswered(response.ok ? body : null);
        pump();
      });
    }).catch(function () {
      if (stopped) {
        return;
      }
      unreachable();
      setTimeout(function () { deliver(body, retryAfter(delay)); }, delay);
    });
  }

  // ---- the card ----

  function isCardError(result) {
    return Array.isArray(result) && result.length > 0 && result[0] && result[0].result === 'error';
  }

  function askStatus() {
    statusPending = true;
    BX24.placement.call('getStatus', {}, function (result) {
      statusPending = false;
      if (isCardError(result)) {
        send(message('result', { command: 'getStatus', result: result }));
      } else if (result && typeof result === 'object' && !Array.isArray(result)) {
        send(message('status', { status: result }));
      }
    });
  }

  /** A getStatus now, unless the card has not answered the last one yet. */
  function statusNow() {
    if (!stopped && !statusPending) {
      askStatus();
    }
  }

  function pollStatus() {
    if (stopped) {
      return;
    }
    // skip a round while the card has not answered the last one or messages are queued: never pile up
    if (!statusPending && outbox.length < 3) {
      askStatus();
    }
    setTimeout(pollStatus, pollMs);
  }

  function run(command) {
    if (command.id <= lastCommandId) {
      return;
    }
    lastCommandId = command.id;
    if (!COMMANDS[command.command]) {
      return;
    }
    BX24.placement.call(command.command, {}, function (result) {
      send(message('result', {
        command: command.command,
        result: result === undefined || result === null ? [] : result,
        commandId: command.id
      }));
    });
  }

  /** A new command loop; the one before it ends at its next turn. The first request answers at once. */
  function startCommands() {
    commandLoop++;
    fetchCommands(commandLoop, 0, RETRY_MIN);
  }

  function fetchCommands(loop, wait, delay) {
    if (stopped || renewing || loop !== commandLoop) {
      return;
    }
    var started = Date.now();
    var usedSession = session;
    var url = '/bridge/commands?session=' + encodeURIComponent(usedSession) + '&after=' + lastCommandId +
      '&wait=' + wait;
    fetch(url, { cache: 'no-store' }).then(function (response) {
      if (response.status === 401) {
        if (loop === commandLoop) {
          sessionLost(usedSession);
        }
        return null;
      }
      if (response.status === 403) {
        stop('refused');
        return null;
      }
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    }).then(function (body) {
      if (body === null || stopped || loop !== commandLoop) {
        return;
      }
      connected();
      if (typeof body.pollMs === 'number' && body.pollMs >= 50) {
        pollMs = body.pollMs;
      }
      (body.commands || []).forEach(run);
      // an empty answer that came at once was a short poll (the listener's long polls were busy): wait a round
      var next = (body.commands || []).length === 0 && Date.now() - started < 200 ? pollMs : 0;
      setTimeout(function () { fetchCommands(loop, commandWaitMs, RETRY_MIN); }, next);
    }).catch(function () {
      if (stopped || loop !== commandLoop) {
        return;
      }
      unreachable();
      setTimeout(function () { fetchCommands(loop, 0, retryAfter(delay)); }, delay);
    });
  }

  function bind(name) {
    BX24.placement.bindEvent(name, function () {
      send(message('event', { event: name, args: Array.prototype.slice.call(arguments) }));
    });
  }

  /** The page is going away (the card closed, often in the same task as its last events): say so reliably. */
  function closing() {
    if (stopped) {
      return;
    }
    var json = stamped(message('closed', {}));
    stopped = true;
    var sent = false;
    try {
      sent = navigator.sendBeacon('/bridge/events', new Blob([json], { type: 'application/json' }));
    } catch (refused) {
      sent = false;
    }
    if (!sent) {
      try {
        fetch('/bridge/events', {
          method: 'POST', keepalive: true, headers: { 'Content-Type': 'application/json' }, body: json
        });
      } catch (ignored) {
        // the page is going away; nothing else can be done
      }
    }
  }

  if (typeof BX24 === 'undefined') {
    stop('nobx24');
    return;
  }
  if (BX24 === null) {
    // the real library sets BX24 = null when the frame's name is not host|secure|APP_SID: not in a portal frame
    stop('notcallcard');
    return;
  }
  window.addEventListener('pagehide', closing);
  window.addEventListener('beforeunload', closing);
  BX24.init(function () {
    var info = BX24.placement && typeof BX24.placement.info === 'function' ? BX24.placement.info() : null;
    if (!info || info.placement !== 'CALL_CARD') {
      stop('notcallcard');
      return;
    }
    EVENTS.forEach(bind);
    pollStatus();
    startCommands();
  });
})();

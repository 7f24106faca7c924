/**
 * "The session has ended": raised by the urql client when any answer says UNAUTHENTICATED, heard
 * by the app layout, which sends the user to /inloggen. The client lives outside React, so a tiny
 * event list connects the two.
 */
type Listener = () => void;

const listeners = new Set<Listener>();

export function notifyUnauthenticated(): void {
  for (const listener of [...listeners]) listener();
}

/** Listens until the returned function is called. */
export function onUnauthenticated(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * Set when a session ended under the user's feet, so the login page can say why they are there.
 * The redirect to /inloggen itself comes from RequireViewer once `viewer` is null again.
 */
let ended = false;

export function markSessionEnded(): void {
  ended = true;
}

export function sessionEnded(): boolean {
  return ended;
}

export function clearSessionEnded(): void {
  ended = false;
}

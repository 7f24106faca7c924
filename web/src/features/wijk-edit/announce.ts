/**
 * Says something to screen-reader users politely, from anywhere: a button whose row disappears
 * after its change (an ended link) cannot hold its own live region. The region is created once,
 * visually hidden, and the text is set a moment later so a region that is new is heard too.
 */
let region: HTMLElement | null = null;

export function announce(text: string): void {
  if (!region || !region.isConnected) {
    region = document.createElement('div');
    region.className = 'visually-hidden';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    region.dataset['testid'] = 'wijk-edit-announcer';
    document.body.append(region);
  }
  const target = region;
  target.textContent = '';
  window.setTimeout(() => {
    target.textContent = text;
  }, 100);
}

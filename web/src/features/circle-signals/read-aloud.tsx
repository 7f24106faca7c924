import { useEffect, useState } from 'react';
import { nl } from '../../messages/nl';
import { SpeakerIcon, StopIcon } from '../../components/icons';

/** Can this browser read text aloud? Without speech synthesis the button is not shown at all. */
export function canReadAloud(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof window.SpeechSynthesisUtterance === 'function';
}

/** Only one text is read at a time; every button hears when its reading stops. */
let current: SpeechSynthesisUtterance | null = null;

interface ReadAloudProps {
  /** What the button says it reads (for screen readers): the signal's title. */
  readonly title: string;
  readonly text: string;
}

export function ReadAloudButton({ title, text }: ReadAloudProps) {
  const [speaking, setSpeaking] = useState(false);
  const [utterance, setUtterance] = useState<SpeechSynthesisUtterance | null>(null);

  // Leaving the page stops this button's reading.
  useEffect(
    () => () => {
      if (utterance && current === utterance) {
        window.speechSynthesis.cancel();
        current = null;
      }
    },
    [utterance],
  );

  if (!canReadAloud()) return null;

  function toggle() {
    const synth = window.speechSynthesis;
    if (speaking) {
      synth.cancel();
      current = null;
      setSpeaking(false);
      return;
    }
    synth.cancel();
    const next = new SpeechSynthesisUtterance(text);
    next.lang = 'nl-NL';
    next.rate = 0.9;
    const voice = synth.getVoices().find((v) => v.lang.toLowerCase().startsWith('nl'));
    if (voice) next.voice = voice;
    next.onend = () => setSpeaking(false);
    next.onerror = () => setSpeaking(false);
    current = next;
    setUtterance(next);
    setSpeaking(true);
    synth.speak(next);
  }

  return (
    <button
      type="button"
      className="button secondary small"
      onClick={toggle}
      aria-label={speaking ? nl.signals.stopReadingLabel(title) : nl.signals.readAloudLabel(title)}
    >
      {speaking ? <StopIcon /> : <SpeakerIcon />} {speaking ? nl.signals.stopReading : nl.signals.readAloud}
    </button>
  );
}

import { useState } from 'preact/hooks';

export interface AsOf {
  /** An instant (ISO 8601, UTC) or a global log position; neither: live. */
  asOf?: string;
  atPosition?: string;
}

interface Props {
  value: AsOf;
  /** Moments worth a button: the agreement's meetings, reaffirmations. */
  moments: { label: string; at: string }[];
  onChange: (value: AsOf) => void;
}

const toLocalInput = (iso?: string) => (iso ? iso.slice(0, 16) : '');

/** See the record as it stood at a date (UTC) or a log position, or live. */
export const TimeControl = ({ value, moments, onChange }: Props) => {
  const [date, setDate] = useState(toLocalInput(value.asOf));
  const [position, setPosition] = useState(value.atPosition ?? '');
  const live = !value.asOf && !value.atPosition;
  return (
    <form
      class="time-control"
      aria-label="As it stood"
      onSubmit={(e) => {
        e.preventDefault();
        if (position.trim()) onChange({ atPosition: position.trim() });
        else if (date) onChange({ asOf: new Date(`${date}:00Z`).toISOString() });
        else onChange({});
      }}
    >
      <fieldset>
        <legend>
          {live
            ? 'Showing the live record'
            : `Showing the record as it stood ${value.atPosition ? `at log position ${value.atPosition}` : `on ${value.asOf}`}`}
        </legend>
        <label>
          Date and time (UTC)
          <input
            type="datetime-local"
            name="asOf"
            value={date}
            onInput={(e) => {
              setDate((e.target as HTMLInputElement).value);
              setPosition('');
            }}
          />
        </label>
        <label>
          or log position
          <input
            name="atPosition"
            inputMode="numeric"
            pattern="[0-9]+"
            value={position}
            onInput={(e) => setPosition((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit">Show as it stood</button>
        <button
          type="button"
          class="quiet"
          disabled={live}
          onClick={() => {
            setDate('');
            setPosition('');
            onChange({});
          }}
        >
          Live
        </button>
      </fieldset>
      {moments.length > 0 && (
        <p class="moments">
          Jump to:{' '}
          {moments.map((m) => (
            <button
              key={m.label}
              type="button"
              class="chip"
              onClick={() => {
                setDate(toLocalInput(m.at));
                setPosition('');
                onChange({ asOf: m.at });
              }}
            >
              {m.label}
            </button>
          ))}
        </p>
      )}
    </form>
  );
};

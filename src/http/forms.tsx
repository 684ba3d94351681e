/** A labelled field with its hint and error tied to it for screen readers. */
export function Field(props: {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'search';
  multiline?: boolean;
  rows?: number;
  required?: boolean;
  autocomplete?: string;
  maxLength?: number;
  minLength?: number;
}) {
  const id = `field-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    name: props.name,
    required: props.required,
    maxLength: props.maxLength,
    minLength: props.minLength,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': props.error ? true : undefined,
  };
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 8}>
          {props.value ?? ''}
        </textarea>
      ) : (
        // The union of input types defeats Preact's per-type attribute typing; the values are fixed above.
        <input
          {...({
            ...common,
            type: props.type ?? 'text',
            value: props.value ?? '',
            autocomplete: props.autocomplete,
          } as unknown as { type: 'text' })}
        />
      )}
    </div>
  );
}

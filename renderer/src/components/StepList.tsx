/** The steps of a sale at the top of its screen (top-up, international, bill): done, current, to come. */
export function StepList({ label, labels, current }: { label: string; labels: readonly string[]; current: number }) {
  return (
    <ol className="steps" aria-label={label}>
      {labels.map((text, index) => (
        <li key={text} className={index === current ? 'step-current' : index < current ? 'step-done' : ''} aria-current={index === current ? 'step' : undefined}>
          {text}
        </li>
      ))}
    </ol>
  );
}

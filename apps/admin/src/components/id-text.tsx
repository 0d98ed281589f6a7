/**
 * An id in a table cell: the start shown, the whole id in the text (copying or selecting it gives
 * all of it) and in the tooltip.
 */
export const IdText = ({ id }: { id: string }) => (
  <span title={id} className="inline-block max-w-[11ch] truncate align-bottom font-mono text-xs">
    {id}
  </span>
);

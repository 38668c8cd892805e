/** A part's description: its type's name and its grade, e.g. "Oil Filter - Premium". */
export function partDescription(typeName: string, grade: string): string {
  return `${typeName} - ${grade}`;
}

/** The part type's name in a description made by `partDescription`. */
export function partTypeNameOf(description: string): string {
  const at = description.lastIndexOf(' - ');
  if (at < 0) throw new RangeError(`part description "${description}" names no grade`);
  return description.slice(0, at);
}

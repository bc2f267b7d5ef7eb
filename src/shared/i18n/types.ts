/** The shape of a catalog with every leaf a string: other languages must have the same keys as `en`. */
export type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

// The `stopword` package ships no types; only its Indonesian list is used here.
declare module 'stopword' {
  /** Indonesian stopwords (stopwords-iso "id", lowercase). */
  export const ind: readonly string[];
}

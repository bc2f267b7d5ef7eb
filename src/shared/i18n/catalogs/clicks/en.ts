/** Pages a person sees when following a tracked link (`/l/:code`) does not lead to the target. */
export const en = {
  notFound: {
    title: "This link isn't available",
    body: "We couldn't find this link. It may have a typo, or only part of it was copied. Check the address, or ask the person who shared it to send it again.",
  },
  unavailable: {
    title: 'Please try again in a moment',
    body: "We couldn't open this link just now. Please reload the page in a minute.",
  },
  tooMany: {
    title: 'Too many requests',
    body: 'This address opened links here too often in the last minute. Please wait a moment, then try again.',
  },
};

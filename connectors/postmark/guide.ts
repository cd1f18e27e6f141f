/**
 * "Connect your system" for Postmark (postmarkapp.com/developer: API overview, Email API, message
 * streams, sender signatures).
 */
export const postmarkGuide = {
  steps: [
    'In Postmark open your server → API Tokens and copy a Server API token.',
    'Confirm the sender under Sender Signatures (a single address, or a verified domain): Postmark refuses mail from any other From.',
    'Pick the message stream: "outbound" is the default transactional stream; broadcast streams are for bulk mail and have their own rules.',
    'Enter the default From address (and name). A message may name its own sender with data.from and its stream with data.messageStream.',
  ],
  scopes: [],
  limits: 'Up to 50 recipients (To, Cc and Bcc together) per email and 10 MB per request. Postmark answers 429 when a server sends too fast; Forgeworks retries it.',
};

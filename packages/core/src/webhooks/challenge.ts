/**
 * The answer to Front's `sync` validation request, in one place: the core receiver, the n8n trigger and any
 * caller of `verifyFrontWebhook` send the same bytes. Front checks that the `x-front-challenge` value comes
 * back in a 200's body; we send it as JSON `{ "challenge": … }`.
 */
export interface FrontChallengeAnswer {
  readonly status: 200;
  readonly contentType: string;
  readonly body: string;
}

/** The 200 answer echoing Front's `x-front-challenge` value. */
export const frontChallengeAnswer = (challenge: string): FrontChallengeAnswer => ({
  status: 200,
  contentType: "application/json; charset=utf-8",
  body: JSON.stringify({ challenge }),
});

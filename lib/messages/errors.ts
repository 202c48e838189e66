/** The recipient's server refused the message for good (an SMTP 5xx reply): trying again would not help. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

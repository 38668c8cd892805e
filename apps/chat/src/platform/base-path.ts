/** Where the chat app lives on the platform's origin (`autocorp up` serves its export there). */
export const CHAT_BASE_PATH = '/chat';

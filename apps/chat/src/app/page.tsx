import { ChatPage } from '../chat/chat-page';

export default function Page() {
  return <ChatPage />;
}

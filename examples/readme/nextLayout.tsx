// app/layout.tsx
import Script from 'next/script';

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
        <Script
          src="/sw-token-interceptor.js"
          strategy="beforeInteractive"
          data-provider="firmly"
          data-app-id="YOUR_APPLICATION_ID"
        />
      </body>
    </html>
  );
}

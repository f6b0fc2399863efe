// src/main.ts
import { install } from 'sw-token-interceptor';

install({ provider: 'firmly', appId: 'YOUR_APPLICATION_ID' });

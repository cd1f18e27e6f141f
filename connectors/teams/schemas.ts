/**
 * Microsoft Graph shapes, parsed with zod before mapping: chatMessage
 * (learn.microsoft.com/graph/api/resources/chatmessage), subscription
 * (…/resources/subscription), a change-notification collection (…/resources/changenotification)
 * and the error body (learn.microsoft.com/graph/errors). Loose: Graph adds properties freely.
 */
import { z } from 'zod';

const identity = z.looseObject({ id: z.string().nullable().optional(), displayName: z.string().nullable().optional() }).nullable().optional();

export const chatMessageSchema = z.looseObject({
  id: z.string(),
  replyToId: z.string().nullable().optional(),
  createdDateTime: z.string().nullable().optional(),
  lastModifiedDateTime: z.string().nullable().optional(),
  deletedDateTime: z.string().nullable().optional(),
  from: z.looseObject({ user: identity, application: identity, device: identity }).nullable().optional(),
  body: z.looseObject({ contentType: z.enum(['text', 'html']), content: z.string().nullable().optional() }),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const subscriptionSchema = z.looseObject({
  id: z.string(),
  resource: z.string(),
  changeType: z.string(),
  expirationDateTime: z.string(),
  notificationUrl: z.string().optional(),
});

export const subscriptionListSchema = z.looseObject({ value: z.array(subscriptionSchema) });

export const notificationSchema = z.looseObject({
  id: z.string().optional(),
  subscriptionId: z.string(),
  clientState: z.string().nullable().optional(),
  changeType: z.string().optional(),
  lifecycleEvent: z.string().optional(),
  resource: z.string().optional(),
  subscriptionExpirationDateTime: z.string().optional(),
  tenantId: z.string().optional(),
  resourceData: z.looseObject({ id: z.string().optional() }).optional(),
});
export type ChangeNotification = z.infer<typeof notificationSchema>;

export const notificationCollectionSchema = z.looseObject({ value: z.array(notificationSchema).min(1) });

export const graphErrorSchema = z.looseObject({
  error: z.looseObject({
    code: z.string(),
    message: z.string().optional(),
    innerError: z.looseObject({ 'request-id': z.string().optional(), date: z.string().optional() }).optional(),
  }),
});

-- CreateTable
CREATE TABLE "BoardPackRecipient" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BoardPackRecipient_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "BoardPackDelivery" (
    "organizationId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BoardPackDelivery_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BoardPackRecipient_organizationId_userId_key" ON "BoardPackRecipient"("organizationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "BoardPackDelivery_organizationId_userId_month_key" ON "BoardPackDelivery"("organizationId", "userId", "month");

-- AddForeignKey
ALTER TABLE "BoardPackRecipient" ADD CONSTRAINT "BoardPackRecipient_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoardPackRecipient" ADD CONSTRAINT "BoardPackRecipient_organizationId_userId_fkey" FOREIGN KEY ("organizationId", "userId") REFERENCES "Membership"("organizationId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoardPackDelivery" ADD CONSTRAINT "BoardPackDelivery_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoardPackDelivery" ADD CONSTRAINT "BoardPackDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

import { redirect } from "next/navigation";

export default async function ShopHome({ params }: { params: Promise<{ shop: string }> }) {
  const { shop } = await params;
  redirect(`/${shop}/account/privacy`);
}

<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="stars" tilewidth="32" tileheight="32" tilecount="24" columns="4">
 <image source="stars.png" width="128" height="192"/>
 <tile id="0">
  <animation>
   <frame tileid="0" duration="1750"/>
   <frame tileid="1" duration="250"/>
   <frame tileid="2" duration="250"/>
   <frame tileid="3" duration="250"/>
  </animation>
 </tile>
 <tile id="1">
  <animation>
   <frame tileid="0" duration="3000"/>
   <frame tileid="1" duration="250"/>
   <frame tileid="2" duration="250"/>
   <frame tileid="3" duration="250"/>
  </animation>
 </tile>
 <tile id="2">
  <animation>
   <frame tileid="0" duration="4250"/>
   <frame tileid="1" duration="250"/>
   <frame tileid="2" duration="250"/>
   <frame tileid="3" duration="250"/>
  </animation>
 </tile>
 <tile id="3">
  <animation>
   <frame tileid="0" duration="5500"/>
   <frame tileid="1" duration="250"/>
   <frame tileid="2" duration="250"/>
   <frame tileid="3" duration="250"/>
  </animation>
 </tile>
 <tile id="4">
  <animation>
   <frame tileid="4" duration="2250"/>
   <frame tileid="5" duration="250"/>
   <frame tileid="6" duration="250"/>
   <frame tileid="7" duration="250"/>
  </animation>
 </tile>
 <tile id="5">
  <animation>
   <frame tileid="4" duration="3500"/>
   <frame tileid="5" duration="250"/>
   <frame tileid="6" duration="250"/>
   <frame tileid="7" duration="250"/>
  </animation>
 </tile>
 <tile id="6">
  <animation>
   <frame tileid="4" duration="4750"/>
   <frame tileid="5" duration="250"/>
   <frame tileid="6" duration="250"/>
   <frame tileid="7" duration="250"/>
  </animation>
 </tile>
 <tile id="7">
  <animation>
   <frame tileid="4" duration="6000"/>
   <frame tileid="5" duration="250"/>
   <frame tileid="6" duration="250"/>
   <frame tileid="7" duration="250"/>
  </animation>
 </tile>
 <tile id="8">
  <animation>
   <frame tileid="8" duration="1250"/>
   <frame tileid="9" duration="250"/>
   <frame tileid="10" duration="250"/>
   <frame tileid="11" duration="250"/>
  </animation>
 </tile>
 <tile id="9">
  <animation>
   <frame tileid="8" duration="2500"/>
   <frame tileid="9" duration="250"/>
   <frame tileid="10" duration="250"/>
   <frame tileid="11" duration="250"/>
  </animation>
 </tile>
 <tile id="10">
  <animation>
   <frame tileid="8" duration="3750"/>
   <frame tileid="9" duration="250"/>
   <frame tileid="10" duration="250"/>
   <frame tileid="11" duration="250"/>
  </animation>
 </tile>
 <tile id="11">
  <animation>
   <frame tileid="8" duration="5000"/>
   <frame tileid="9" duration="250"/>
   <frame tileid="10" duration="250"/>
   <frame tileid="11" duration="250"/>
  </animation>
 </tile>
 <tile id="12">
  <animation>
   <frame tileid="12" duration="2750"/>
   <frame tileid="13" duration="250"/>
   <frame tileid="14" duration="250"/>
   <frame tileid="15" duration="250"/>
  </animation>
 </tile>
 <tile id="13">
  <animation>
   <frame tileid="12" duration="4000"/>
   <frame tileid="13" duration="250"/>
   <frame tileid="14" duration="250"/>
   <frame tileid="15" duration="250"/>
  </animation>
 </tile>
 <tile id="14">
  <animation>
   <frame tileid="12" duration="5250"/>
   <frame tileid="13" duration="250"/>
   <frame tileid="14" duration="250"/>
   <frame tileid="15" duration="250"/>
  </animation>
 </tile>
 <tile id="15">
  <animation>
   <frame tileid="12" duration="6500"/>
   <frame tileid="13" duration="250"/>
   <frame tileid="14" duration="250"/>
   <frame tileid="15" duration="250"/>
  </animation>
 </tile>
 <tile id="16">
  <animation>
   <frame tileid="16" duration="2000"/>
   <frame tileid="17" duration="250"/>
   <frame tileid="18" duration="250"/>
   <frame tileid="19" duration="250"/>
  </animation>
 </tile>
 <tile id="17">
  <animation>
   <frame tileid="16" duration="3250"/>
   <frame tileid="17" duration="250"/>
   <frame tileid="18" duration="250"/>
   <frame tileid="19" duration="250"/>
  </animation>
 </tile>
 <tile id="18">
  <animation>
   <frame tileid="16" duration="4500"/>
   <frame tileid="17" duration="250"/>
   <frame tileid="18" duration="250"/>
   <frame tileid="19" duration="250"/>
  </animation>
 </tile>
 <tile id="19">
  <animation>
   <frame tileid="16" duration="5750"/>
   <frame tileid="17" duration="250"/>
   <frame tileid="18" duration="250"/>
   <frame tileid="19" duration="250"/>
  </animation>
 </tile>
 <tile id="20">
  <animation>
   <frame tileid="20" duration="1500"/>
   <frame tileid="21" duration="250"/>
   <frame tileid="22" duration="250"/>
   <frame tileid="23" duration="250"/>
  </animation>
 </tile>
 <tile id="21">
  <animation>
   <frame tileid="20" duration="6250"/>
   <frame tileid="21" duration="250"/>
   <frame tileid="22" duration="250"/>
   <frame tileid="23" duration="250"/>
  </animation>
 </tile>
 <tile id="22">
  <animation>
   <frame tileid="20" duration="6750"/>
   <frame tileid="21" duration="250"/>
   <frame tileid="22" duration="250"/>
   <frame tileid="23" duration="250"/>
  </animation>
 </tile>
 <tile id="23">
  <animation>
   <frame tileid="20" duration="7000"/>
   <frame tileid="21" duration="250"/>
   <frame tileid="22" duration="250"/>
   <frame tileid="23" duration="250"/>
  </animation>
 </tile>
</tileset>
